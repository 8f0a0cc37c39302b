Subject: ${ref} IRTF: mitigation at ${site.name} not listed in the advisory
Dear IRTF,

${site.name} (NGI ${site.ngi}) reports a mitigation for ${campaign.cves} that is not one of those
the advisory lists. Please assess it; the duty officer accepts or refuses it (SEC03 7.2, 7.3).

From:    ${reply.sender}
Subject: ${reply.subject}

${reply.text}

Mitigations in the advisory:
<#list mitigations as m>
 - ${m}
<#else>
 (none listed)
</#list>

Deadline for the site: ${deadline}.

cvh
