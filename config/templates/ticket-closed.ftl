Subject: ${ref} RESOLVED: ${site.name} - ${campaign.cves}
Dear site administrators and security contacts of ${site.name},

Our monitoring shows that ${site.name} is no longer vulnerable to ${campaign.cves}.
Thank you for addressing this problem.

This ticket is now closed.

Regards,
${csirt.name}
