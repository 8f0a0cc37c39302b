Subject: ${ref} REMINDER: ${site.name} is still vulnerable to ${campaign.cves} - deadline ${deadline}
Dear site administrators and security contacts of ${site.name},

Our latest check (${checkedAt}) shows that ${site.name} is still vulnerable to ${campaign.cves}.
Please carry out the action recommended in the advisory before ${deadline}, or tell us what
prevents you from doing so. Failure to act will lead to site suspension shortly after the deadline.

Regards,
${csirt.name}
