Subject: ${ref} ${site.name} is vulnerable again to ${campaign.cves} - act within 48 hours (by ${deadline})
Dear site administrators and security contacts of ${site.name},

Our monitoring shows that ${site.name} (NGI ${site.ngi}) is vulnerable to ${campaign.cves}
(${campaign.title}), the subject of the advisory issued on ${campaign.issued}<#if campaign.advisoryUrl?has_content> (${campaign.advisoryUrl})</#if>.

You have until ${deadline} to resolve the problem.
FAILURE TO ACT WILL LEAD TO SITE SUSPENSION SHORTLY AFTER THE DEADLINE.

Contact EGI CSIRT (${csirt.email}) if you need help.

---- The earlier advisory ----
${campaign.advisoryText}

Regards,
${csirt.name}
