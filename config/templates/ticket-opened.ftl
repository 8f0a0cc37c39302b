Subject: ${ref} ${site.name} is vulnerable to ${campaign.cves} - deadline ${deadline}
Dear site administrators and security contacts of ${site.name},

Our monitoring shows that ${site.name} (NGI ${site.ngi}) is still vulnerable to ${campaign.cves}
(${campaign.title}), for which an advisory was issued on ${campaign.issued}.

Please carry out the action recommended in the advisory before ${deadline}.

FAILURE TO ACT TO RESOLVE THIS PROBLEM WILL LEAD TO SITE SUSPENSION SHORTLY AFTER THE DEADLINE.

If you have mitigated the problem in another way, believe you are not vulnerable, or need help or
more time, reply to this message: CSIRT will work with you to find a solution.

<#if campaign.advisoryUrl?has_content>Advisory: ${campaign.advisoryUrl}
</#if>
${campaign.advisoryText}

Regards,
${csirt.name}
