/** Events per transaction for the CLI's long runs; larger than the API's live batches. */
export const CLI_BATCH_SIZE = 2000;
