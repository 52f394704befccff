import type { BotServices } from "../bot/services.ts";
import { restFollowUps } from "./follow-ups.ts";
import { startInteractionsServer, type RunningInteractionsServer } from "./server.ts";
import { ed25519PublicKey } from "./verify-signature.ts";

export interface InteractionsEndpointOptions {
  publicKey: string;
  port: number;
  /** REST base for follow-ups (DISCORD_API_URL); null for discord.com. */
  apiUrl: string | null;
  /** The same services as the gateway bot's: commands, charts, conversations, telemetry. */
  services: BotServices;
  host?: string;
}

/** `npm start` with DISCORD_PUBLIC_KEY and INTERACTIONS_PORT: one stateless HTTP replica. */
export function startInteractionsEndpoint(
  options: InteractionsEndpointOptions,
): Promise<RunningInteractionsServer> {
  return startInteractionsServer({
    port: options.port,
    publicKey: ed25519PublicKey(options.publicKey),
    ...(options.host ? { host: options.host } : {}),
    services: { ...options.services, followUps: restFollowUps(options.apiUrl) },
  });
}
