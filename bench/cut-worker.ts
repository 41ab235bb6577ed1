// A thread that loads jieba (with the project's dictionaries) and cuts the texts it is given, timing itself:
// the bench runs one or two of these at once to see how far two cores scale on this machine right now.
import { parentPort, workerData } from 'node:worker_threads';
import { getJieba } from '../src/segment.js';

const { texts } = workerData as { texts: string[] };
const jieba = getJieba();
for (const t of texts.slice(0, 50)) jieba.cut(t);
parentPort!.once('message', () => {
  const t0 = performance.now();
  for (const t of texts) jieba.cut(t);
  parentPort!.postMessage((performance.now() - t0) / 1000);
});
parentPort!.postMessage('ready');
