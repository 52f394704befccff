import { createPublicKey, verify, type KeyObject } from "node:crypto";

/** DER header of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Discord signs with Ed25519; a request older than this is a replay, not a delivery. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

/** The application's public key (64 hex digits, from the developer portal) as a key object. */
export function ed25519PublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error("An Ed25519 public key is 64 hex digits.");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

export type SignatureVerdict = "valid" | "missing" | "invalid" | "stale";

/**
 * Checks `X-Signature-Ed25519` over `X-Signature-Timestamp` + the raw body, and that the
 * timestamp (Unix seconds) is recent: a valid signature on an old request is a replay.
 */
export function checkSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number = Date.now(),
): SignatureVerdict {
  if (!signatureHex || !timestamp) return "missing";
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex) || !/^\d{1,12}$/.test(timestamp)) {
    return "invalid";
  }
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  let ok: boolean;
  try {
    ok = verify(null, signed, key, Buffer.from(signatureHex, "hex"));
  } catch {
    ok = false;
  }
  if (!ok) return "invalid";
  // Checked after the signature, so a forged timestamp cannot even tell us the clock.
  const ageSeconds = Math.abs(nowMs / 1000 - Number(timestamp));
  return ageSeconds > MAX_SIGNATURE_AGE_SECONDS ? "stale" : "valid";
}
