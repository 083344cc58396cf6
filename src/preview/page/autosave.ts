/**
 * The browser app's autosave: the officer's changed cells, kept in this browser's
 * IndexedDB under the identity of the file they were made on (a SHA-256 of its bytes), so
 * that reopening the same file after a closed tab or a crash offers them back. Nothing
 * leaves the machine.
 */
import type { CellChange } from './changes';

const DB = 'chiso-cchc';
const STORE = 'autosave';

export interface Autosave {
  /** The file's identity: fileKey() of its bytes. */
  key: string;
  fileName: string;
  /** ISO time of the save. */
  savedAt: string;
  changes: CellChange[];
}

/** SHA-256 of the bytes where the browser offers it (https, localhost); else name and size. */
export async function fileKey(bytes: Uint8Array, name: string): Promise<string> {
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  return `${name}:${bytes.length}`;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function loadAutosave(key: string): Promise<Autosave | undefined> {
  return transact('readonly', (store) => store.get(key) as IDBRequest<Autosave | undefined>);
}

export async function storeAutosave(save: Autosave): Promise<void> {
  await transact('readwrite', (store) => store.put(save));
}

export async function clearAutosave(key: string): Promise<void> {
  await transact('readwrite', (store) => store.delete(key));
}
