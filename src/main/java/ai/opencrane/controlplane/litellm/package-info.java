/**
 * The LiteLLM proxy's admin API ({@code /key/*}, {@code /user/*}, {@code /spend/logs}), called with the master
 * key from {@code LITELLM_MASTER_KEY}. Failures become {@link ai.opencrane.controlplane.litellm.LiteLlmException};
 * neither the master key nor a virtual key ever reaches a log line or an error message.
 */
package ai.opencrane.controlplane.litellm;
