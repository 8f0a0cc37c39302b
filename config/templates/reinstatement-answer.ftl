Subject: ${ref} Reinstatement of ${site.name}: <#if vulnerable>NOT recommended<#else>no objection from CSIRT</#if>
Dear ROD of ${site.ngi},

You asked whether ${site.name} can be integrated back into the production infrastructure.
<#if vulnerable>
The latest monitoring data (${checkedAt}) still shows ${site.name} vulnerable to ${campaign.cves}.
EGI CSIRT does not agree to certification until the site has addressed the problem.
<#else>
The latest monitoring data (${checkedAt}) shows ${site.name} no longer vulnerable to ${campaign.cves}.
EGI CSIRT has verified that the site has taken appropriate action and knows of no reason to prevent
the site being certified.
</#if>

Regards,
${csirt.name}
