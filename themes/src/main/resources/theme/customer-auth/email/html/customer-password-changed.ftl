<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("customerPasswordChangedBodyHtml", realmName))?no_esc}
</@layout.emailLayout>
