# cvh - critical vulnerability handling. `make run` and `make test` work on a fresh clone.
MVN ?= mvn -B
JAR := target/cvh.jar
JAVA ?= java

.PHONY: run test package plan simulate bench bench-feed bench-replies clean deps

run: $(JAR)
	$(JAVA) -jar $(JAR) run

# the PostgreSQL tests need a real server: started here, stopped afterwards whatever the result;
# the browser tests need Debian's chromium and chromedriver: installed here when missing
test:
	bash .ci/chromium.sh
	bash .ci/postgres.sh up
	$(MVN) test; rc=$$?; bash .ci/postgres.sh down; exit $$rc

package: $(JAR)

$(JAR): pom.xml $(shell find src/main -type f)
	$(MVN) -DskipTests package

plan: $(JAR)
	$(JAVA) -jar $(JAR) plan --procedure sec03-critical --issued $$(date -u +%Y-%m-%dT%H:00:00Z)

simulate: $(JAR)
	$(JAVA) -Xmx256m -jar $(JAR) simulate --sites 1000

bench: $(JAR)
	@echo "== simulate 100 sites =="
	$(JAVA) -Xmx256m -jar $(JAR) simulate --sites 100 --seed 1
	@echo "== simulate 1000 sites =="
	$(JAVA) -Xmx256m -jar $(JAR) simulate --sites 1000 --seed 1
	@echo "== Pakiti feed: $(FEED_SITES) sites x 10 CVEs x 100 hosts =="
	$(MAKE) --no-print-directory bench-feed
	@echo "== replies: $(REPLY_SITES) sites x 3 replies (IMAP mail -> matched, understood, acted on) =="
	$(MAKE) --no-print-directory bench-replies

# a Pakiti feed of FEED_SITES x 10 CVEs x 100 hosts, over HTTP into a file HSQLDB, with -Xmx256m
FEED_SITES ?= 1000
bench-feed:
	$(MVN) -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
	$(JAVA) -Xmx256m -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) \
		eu.egi.csirt.cvh.adapter.pakiti.PakitiMillionRowFeedTest $$(mktemp -d) $(FEED_SITES)

# REPLY_SITES x 3 replies through MIME parsing, the classifier, matching and the engine, on the file HSQLDB
REPLY_SITES ?= 1000
bench-replies:
	$(MVN) -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
	$(JAVA) -Xmx256m -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) \
		eu.egi.csirt.cvh.adapter.reply.ReplyThroughputTest $$(mktemp -d) $(REPLY_SITES)

deps:
	$(MVN) -q dependency:resolve dependency:resolve-plugins

clean:
	$(MVN) -q clean
