Subject: ${ref} ${site.name}: friendly reminder about ${campaign.cves}
Dear security contact for ${site.name},

This is a friendly reminder that we didn't receive any update about this ticket!

Thanks,
${csirt.name}
