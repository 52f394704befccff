// The yardstick for `npm run bench`'s bot section: the smallest discord.js bot that answers every
// interaction, as the discord.js guide writes one (plain JavaScript, run with plain node), so the
// difference to policybot is what policybot itself costs.
import { Client, Events, GatewayIntentBits } from "discord.js";

const api = process.env.DISCORD_API_URL;
const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
  rest: api ? { api } : {},
  allowedMentions: { parse: [] },
});

client.once(Events.ClientReady, (ready) => console.log(`Ready as ${ready.user.tag}`));
client.on(Events.InteractionCreate, (interaction) => {
  const answered = interaction.isAutocomplete()
    ? interaction.respond([])
    : interaction.isRepliable()
      ? interaction.reply({ content: "ok" })
      : Promise.resolve();
  answered.catch((error) => console.error(error));
});
process.once("SIGTERM", () => void client.destroy().then(() => process.exit(0)));

await client.login(process.env.DISCORD_TOKEN);
