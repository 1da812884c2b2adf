/**
 * The key that signs what dealdesk hands Slack to carry (button values, a modal's
 * private_metadata): derived from a server secret, so every replica can check what another made.
 */
import { createHmac } from "node:crypto";

/** A key for action state, derived from a secret (the signing secret in production). */
export function actionKeyFrom(secret: string): Uint8Array {
  // A derived key, never the secret itself: a value's signature says nothing about the secret.
  return createHmac("sha256", secret).update("dealdesk action state v1").digest();
}
