/**
 * Discord's documented message limits (https://discord.com/developers/docs/resources/message#create-message,
 * embed limits). Kept in one place so the renderer and its tests agree on them.
 */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of every embed's title, description, field names and values, footer and author text. */
  charsPerMessage: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceText: 100,
  /** Max length of a message `nonce`. */
  nonce: 25,
} as const;
