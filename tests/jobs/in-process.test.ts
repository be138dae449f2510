import pino from 'pino';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import { runJobQueueContract } from './contract.js';

runJobQueueContract('in-process', async () => {
  const queue = createInProcessQueue({ logger: pino({ level: 'silent' }) });
  return { queue, cleanup: () => queue.stop() };
});
