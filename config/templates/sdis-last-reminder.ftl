Subject: ${ref} LAST REMINDER: ${site.name} - ${campaign.cves} due ${deadline}
Dear security and operational contacts of ${site.name},

This is the last reminder: we have received no answer about this ticket, and ${site.name} is still
vulnerable to ${campaign.cves}. If there is no answer or solution by ${deadline}, the site will be
suspended. If you are not the right security contact for ${site.name}, please tell us who is.

Thanks,
${csirt.name}
