Subject: ${ref} DECISION NEEDED: reply from ${site.name} (${reply.intent})
Dear CSIRT officer,

${question?cap_first}.

Reply ${reply.id} from ${reply.sender}, matched by ${reply.matchedBy}:
  intent:     ${reply.intent} (confidence ${reply.confidence}, "${reply.evidence}")
<#if reply.requestedDate?has_content>
  asks until: ${reply.requestedDate}
</#if>

${reply.text}

The deadline for ${site.name} stays ${deadline} unless you decide otherwise: accept, refuse,
grant an extension (SEC03 4.3), in the console or with a decision file.

cvh
