<#-- The customer-auth verification-code page of "Forgot password?": the code mailed by the pack's step. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        ${msg("customerResetCodeTitle")}
    <#elseif section = "form">
        <form id="kc-reset-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#assign error=messagesPerField.get('code')>
            <@field.group name="code" label=msg("customerResetCodeLabel") error=error required=true>
                <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
                    <input id="code" name="code" type="text" autocomplete="off" autocapitalize="none" spellcheck="false"
                           required aria-required="true" autofocus aria-describedby="<#if error?has_content>input-error-code </#if>kc-reset-code-help"
                           aria-invalid="<#if error?has_content>true<#else>false</#if>"/>
                    <@field.errorIcon error=error/>
                </span>
                <div class="${properties.kcFormHelperTextClass}">
                    <div class="${properties.kcInputHelperTextClass}">
                        <div class="${properties.kcInputHelperTextItemClass}">
                            <span id="kc-reset-code-help" class="${properties.kcInputHelperTextItemTextClass}">
                                ${msg("customerResetCodeHelp", codeLifetimeMinutes)}
                            </span>
                        </div>
                    </div>
                </div>
            </@field.group>

            <@buttons.actionGroup>
                <@buttons.button id="kc-reset-code-submit" label="customerResetCodeSubmit"/>
                <@buttons.button id="kc-reset-code-resend" name="resend" type="secondary" label="customerResetCodeResend" formnovalidate="formnovalidate"/>
                <@buttons.buttonLink href=url.loginUrl label="backToLogin"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("customerResetCodeInstruction")}</span>
    </#if>
</@layout.registrationLayout>
