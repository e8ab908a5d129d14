<#ftl output_format="plainText">
${msg("customerResetCodeBody", code, lifetimeMinutes?c, realmName)}
