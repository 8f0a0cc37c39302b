Subject: ${ref} FINAL WARNING: ${site.name} will be suspended after ${deadline}
Dear security contacts of ${site.name} and NGI security officers of ${site.ngi},

THIS IS A FINAL REMINDER. ${site.name} is still vulnerable to ${campaign.cves} (${campaign.title}).

Unless the recommended action is carried out by ${deadline}, the site will be SUSPENDED.
Failure to comply with the recommendations and advisories sent earlier will lead to site suspension.

If there is a problem carrying out the recommended action, contact EGI CSIRT (${csirt.email})
now: we will try to help you find a solution.

Regards,
${csirt.name}
