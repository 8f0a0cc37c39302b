# cvh - critical vulnerability handling. `make run` and `make test` work on a fresh clone.
MVN ?= mvn -B
JAR := target/cvh.jar
JAVA ?= java

.PHONY: run test package plan simulate bench clean deps

run: $(JAR)
	$(JAVA) -jar $(JAR) run

# the PostgreSQL tests need a real server: started here, stopped afterwards whatever the result
test:
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

deps:
	$(MVN) -q dependency:resolve dependency:resolve-plugins

clean:
	$(MVN) -q clean
