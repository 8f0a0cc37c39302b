Subject: ${ref} ${site.name}: update needed on ${campaign.cves} (due ${deadline})
Dear security contact for ${site.name},

Thank you for acknowledging this ticket. Our monitoring still shows ${site.name} vulnerable to
${campaign.cves}. The ticket is due on ${deadline}: please tell us the progress made and when the
problem will be fixed.

Thanks,
${csirt.name}
