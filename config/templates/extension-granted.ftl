Subject: ${ref} Deadline extended for ${site.name}: new deadline ${deadline}
Dear site administrators and security contacts of ${site.name},

The deadline for ${site.name} to resolve ${campaign.cves} has been extended to ${deadline}
(granted by ${decidedBy}). Reason: ${reason}

Regards,
${csirt.name}
