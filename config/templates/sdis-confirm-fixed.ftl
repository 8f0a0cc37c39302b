Subject: ${ref} ${site.name}: please confirm ${campaign.cves} is fixed
Dear security contact for ${site.name},

The vulnerability ${campaign.cves} no longer shows for ${site.name} in our monitoring.
Please confirm that it was fixed, and that it is not simply that the affected node(s) were not
reached by the monitoring.

Thanks,
${csirt.name}
