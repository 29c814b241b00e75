/** A started part of a component, stopped in reverse order on shutdown. */
export type Running = {
  readonly name: string;
  readonly describe: string;
  stop(): Promise<void>;
};
