/** What a sealed value is for; a value sealed for one is refused as another. */
export const PURPOSE = {
  /** Buttons under a result: anyone in its channel may click them. */
  result: "result",
  /** The forget prompt's buttons: only the requester. */
  forget: "forget",
  /** The rates form's private_metadata: only the user who opened it. */
  rates: "rates",
} as const;
