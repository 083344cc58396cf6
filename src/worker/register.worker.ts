/** The register worker: reads one register .xlsx into grids (registerGrids.ts) and posts them back. */
import { readRegisterGrids, type RegisterGridsMessage, type RegisterGridsRequest } from './registerGrids';

const post = (m: RegisterGridsMessage) => (self as unknown as { postMessage(m: RegisterGridsMessage): void }).postMessage(m);

self.onmessage = async (event: MessageEvent<RegisterGridsRequest>) => {
  post(await readRegisterGrids(event.data));
};
