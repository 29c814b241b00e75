import type { EventDefinition } from './bus/events.ts';
import type { Subscription } from './bus/subscription.ts';
import type { DiscordPart } from './discord/commands/types.ts';
import type { HttpApp } from './http/types.ts';
import type { JobKind, RecurringJob } from './scheduler/jobs.ts';

/**
 * What a domain module contributes to the processes that compose it. A module is built by a
 * factory in its own folder, which receives exactly the ports and services it uses; the
 * components pick the parts that belong to their role (the API takes `routes`, the worker
 * takes consumers, and so on).
 */
export type Module = {
  readonly name: string;
  /** Folder of committed `NNNN_name.sql` migrations. */
  readonly migrations?: URL;
  /** Token scopes this module checks, with a description for `guildhall tokens create --help`. */
  readonly scopes?: Readonly<Record<string, string>>;
  /** HTTP routes, registered under the API's root. */
  readonly routes?: (app: HttpApp) => void | Promise<void>;
  /**
   * Slash commands, components and modals, served by every bot identity that serves this module,
   * over HTTP interactions and the Gateway alike; plus the module's message catalogue.
   */
  readonly discord?: DiscordPart;
  /** Event contracts this module publishes (`defineEvent`); one owner per event type. */
  readonly events?: readonly EventDefinition[];
  /** Its consumers (`defineConsumer`), run by `guildhall worker`. */
  readonly consumers?: readonly Subscription[];
  /** Kinds of jobs it schedules (`defineJobKind`), each with the event it produces when due. */
  readonly jobKinds?: readonly JobKind[];
  /** Jobs on a cron expression (`defineRecurring`), fired by `guildhall scheduler`. */
  readonly recurring?: readonly RecurringJob[];
};
