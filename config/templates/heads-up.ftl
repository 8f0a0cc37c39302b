Subject: ${ref} HEADS-UP: critical vulnerability ${campaign.cves} - action may be requested soon
Dear site security contacts,

EGI CSIRT has identified a critical vulnerability: ${campaign.title} (${campaign.cves}).
<#if campaign.advisoryUrl?has_content>Public information: ${campaign.advisoryUrl}
</#if>
This is a heads-up: urgent action may be requested from sites in the coming hours or days.
We will send an advisory with the recommended action and a deadline.

Regards,
${csirt.name}
