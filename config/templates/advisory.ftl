Subject: ${ref} ADVISORY: ${campaign.title} (${campaign.cves}) - action required by ${deadline}
Dear site security contacts<#if site??> of ${site.name}</#if>,

EGI CSIRT has assessed ${campaign.cves} as CRITICAL. Sites MUST take the action described in the
advisory below.

DEADLINE: ${deadline}

If your site does not carry out this action and does not respond, SITE SUSPENSION IS LIKELY.

EGI CSIRT will help if necessary: if you do not understand what to do or need any help, you MUST
seek help by contacting EGI CSIRT (${csirt.email}) or your NGI security contact.

<#if campaign.advisoryUrl?has_content>Advisory: ${campaign.advisoryUrl}
</#if>
${campaign.advisoryText}

Regards,
${csirt.name}
