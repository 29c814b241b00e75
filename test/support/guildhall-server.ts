import { freePort, startCli, waitForHttp } from './cli.ts';
import { pgliteDataDir } from './databases.ts';

/**
 * A real `guildhall start` as a newcomer runs it: every component in one process, the embedded
 * database in a fresh data directory (a copy of the migrated template, so it starts in seconds),
 * no Discord credentials, bound to loopback — so the demo sign-in and the sandbox exist (unless
 * `env` configures Discord).
 */
export async function startGuildhall(env: Record<string, string> = {}): Promise<{
  base: string;
  stop(): Promise<void>;
  output: () => string;
}> {
  const data = await pgliteDataDir({ migrated: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child, output, exited } = startCli(['start'], {
    GUILDHALL_DATA_DIR: data.dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...env,
  });
  try {
    await waitForHttp(`${base}/readyz`, 90_000);
  } catch (error) {
    child.kill('SIGKILL');
    data.dispose();
    throw new Error(
      `guildhall start did not get ready: ${(error as Error).message}\n${output.stdout}\n${output.stderr}`,
    );
  }
  return {
    base,
    output: () => `${output.stdout}\n${output.stderr}`,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      data.dispose();
    },
  };
}
