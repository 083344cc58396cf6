/** Rendering React in jsdom without @testing-library: react-dom/client, act, and DOM queries. */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// React's act() warns unless the environment says it is a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount: () => Promise<void>;
}

export async function render(element: ReactElement): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(element));
  return {
    container,
    root,
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/** Lets pending promises and timers run inside act: `ms` advanced on fake timers, waited for on real ones. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    // Jest's fake timers mark the functions they replace with their clock.
    if (ms > 0 && 'clock' in setTimeout) jest.advanceTimersByTime(ms);
    else if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
}

/** Waits until `check` passes, letting timers and promises run. */
export async function waitFor(check: () => void, ms = 50, tries = 40): Promise<void> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      check();
      return;
    } catch (e) {
      last = e;
      await settle(ms);
    }
  }
  throw last;
}

/** Types into an input or textarea as a user would (React listens to the native input event). */
export async function type(el: Element | null, value: string): Promise<void> {
  if (!el) throw new Error('no element to type into');
  const input = el as HTMLInputElement | HTMLTextAreaElement;
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('no element to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** Files chosen in a file input as the browser reports them: the input's files set, then its change event, inside act. */
export async function chooseFiles(input: Element | null, files: File[]): Promise<void> {
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function key(el: Element | null, k: string): Promise<void> {
  if (!el) throw new Error('no element for the key');
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
}

/** The element whose visible text contains `text` (the innermost such element). */
export function byText(root: ParentNode, selector: string, text: string | RegExp): HTMLElement | null {
  const all = [...root.querySelectorAll<HTMLElement>(selector)];
  return all.find((e) => (typeof text === 'string' ? (e.textContent ?? '').includes(text) : text.test(e.textContent ?? ''))) ?? null;
}

/** The form control labelled `label` (via <label for>). */
export function byLabel(root: ParentNode, label: string | RegExp): HTMLElement | null {
  const l = byText(root, 'label', label) as HTMLLabelElement | null;
  if (!l) return null;
  return l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector('input, textarea, select');
}
