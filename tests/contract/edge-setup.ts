import { buildWorker } from '../../scripts/edge/build';

/** Builds the workerd bundle once for the whole `edge` run (targets read it from EDGE_OUT_DIR). */
export default async function setup(): Promise<void> {
  await buildWorker();
}
