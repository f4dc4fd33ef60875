/**
 * Provider API keys (table {@code provider_keys}): the keys of model providers (OpenAI, Anthropic, ...) set
 * through {@code /api/v1/providers/keys}. They are stored only as AES-256-GCM ciphertext under a key from
 * configuration ({@link ai.opencrane.controlplane.providerkey.KeyRing}), each row naming the key that encrypted
 * it so keys can be rotated, and never appear in a response, a log line or an audit entry (listings show the
 * last four characters, kept beside the ciphertext).
 */
package ai.opencrane.controlplane.providerkey;
