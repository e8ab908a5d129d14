<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("customerResetCodeBodyHtml", code, lifetimeMinutes?c, realmName))?no_esc}
</@layout.emailLayout>
