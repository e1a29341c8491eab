/** What an adapter cannot do by the nature of its server; the tests that need it are skipped, saying why. */
export interface ContractCapabilities {
  /** The store can find an event id in any stream (EventStoreDB has no global id index). Default true. */
  readonly globalEventIdIndex?: boolean;
}
