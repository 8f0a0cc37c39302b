Subject: ${ref} OMB summary: ${unfixed?size} site(s) not yet secured against ${campaign.cves}, deadline ${deadline}
Dear OMB members,

Critical vulnerability: ${campaign.title} (${campaign.cves}), advisory issued ${campaign.issued},
deadline ${deadline}.

Steps taken by EGI CSIRT:
<#list stepsTaken as s>
 - ${s}
</#list>

<#if unfixed?size == 0>
All sites have updated. No further action is needed.
<#else>
Sites still vulnerable (${unfixed?size}):
<#list unfixed as s>

 * ${s.name} (NGI ${s.ngi}), deadline ${s.deadline}
   Response: ${s.response}
   <#if s.plans?has_content>Plans / mitigation: ${s.plans}
   </#if><#if s.decision?has_content>Decision: ${s.decision}
   </#if>Suspension recommended: ${s.recommendSuspension?string("yes", "no")}
</#list>

If the situation does not change, EGI CSIRT plans to suspend these sites on the deadline.
A majority of the OMB or the COO may decide that a site is not suspended (SEC03 4.4).
</#if>

<#if accepted?has_content>
Mitigations or explanations accepted by EGI CSIRT (SEC03 7.2), no suspension:
<#list accepted as a>
 * ${a.name} (NGI ${a.ngi}): <#if a.what?has_content>${a.what} </#if>(${a.decision})
</#list>

</#if>
Regards,
${csirt.name}
