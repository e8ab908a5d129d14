<#ftl output_format="plainText">
${msg("customerPasswordChangedBody", realmName)}
