import pino, { type Logger } from 'pino';

export type { Logger };

export type LoggerOptions = { level: string; pretty?: boolean; name?: string };

/**
 * One root logger per process. Scopes are child loggers with stable field names
 * (`guildId`, `jobId`, `messageId`, `requestId`) so logs from every component join up.
 */
export function createLogger(options: LoggerOptions, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      base: { app: 'guildhall', ...(options.name ? { component: options.name } : {}) },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.token', '*.password', '*.secret'],
        censor: '[redacted]',
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? (options.pretty ? prettyStream() : pino.destination({ fd: 1, sync: false })),
  );
}

/** Compact single-line output for a terminal, without pulling in pino-pretty. */
function prettyStream(): pino.DestinationStream {
  const colours: Record<string, string> = {
    error: '31',
    fatal: '31',
    warn: '33',
    info: '36',
    debug: '90',
    trace: '90',
  };
  return {
    write(line: string) {
      try {
        const { level, time, msg, app: _app, pid: _pid, hostname: _h, err, ...rest } = JSON.parse(line);
        const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
        const stack = err?.stack ? `\n${err.stack}` : '';
        process.stdout.write(
          `\x1b[90m${String(time).slice(11, 23)}\x1b[0m \x1b[${colours[level] ?? '0'}m${level}\x1b[0m ${msg ?? ''}${extra}${stack}\n`,
        );
      } catch {
        process.stdout.write(line);
      }
    },
  };
}
