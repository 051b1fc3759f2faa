/// The JSON API as OpenAPI 3, served at `GET /api/openapi.yaml`: the contract's routes and the ones the pages add.
enum OpenAPIDocument {
    static let text = #"""
        openapi: 3.0.3
        info:
          title: CadrePlan workspace
          description: >
            The school's web workspace around the cadreplan command line. Runs are child processes of cadreplan;
            their folders hold exactly what the command line writes. Errors are {"error": "…"} with 400, 401, 403,
            404, 409, 413, 421 or 422.
          version: "1"
        paths:
          /api/health:
            get:
              summary: The server is up.
              responses:
                "200": {description: '{"status": "ok", "version": "…", "solver": "GLPK 5.0"}', content: {application/json: {schema: {$ref: "#/components/schemas/Health"}}}}
          /api/scenarios:
            get:
              summary: The scenarios of the workspace.
              responses:
                "200": {description: list, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/ScenarioEntry"}}}}}
            post:
              summary: Upload a scenario (one .zip of its folder, or the YAML with its CSV/XLSX files).
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [name, files]
                      properties:
                        name: {type: string}
                        files: {type: array, items: {type: string, format: binary}}
              responses:
                "201": {description: created, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
                "400": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Problems"}
          /api/scenarios/{name}:
            parameters: [{name: name, in: path, required: true, schema: {type: string}}]
            get:
              summary: Settings, budget per year, courses with seats and cost, targets, problems.
              responses:
                "200": {description: the scenario, content: {application/json: {schema: {$ref: "#/components/schemas/Scenario"}}}}
                "404": {$ref: "#/components/responses/Error"}
            delete:
              summary: Delete a scenario no other scenario extends.
              responses:
                "200": {description: deleted}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/scenarios/{name}/variants:
            parameters: [{name: name, in: path, required: true, schema: {type: string}}]
            post:
              summary: A new scenario that extends this one with other budget, seats or costs.
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string}
                        budget: {type: object, additionalProperties: {type: number}, description: 'year → VND'}
                        seats: {type: object, additionalProperties: {type: integer}, description: 'course id → seats a year'}
                        costs: {type: object, additionalProperties: {type: number}, description: 'course id → VND a trainee'}
              responses:
                "201": {description: created, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Problems"}
          /api/scenarios/{name}/scenario.zip:
            parameters: [{name: name, in: path, required: true, schema: {type: string}}]
            get:
              summary: The scenario's files as a zip.
              responses:
                "200": {description: zip, content: {application/zip: {}}}
                "404": {$ref: "#/components/responses/Error"}
          /api/runs:
            get:
              summary: Every run, newest first.
              responses:
                "200": {description: list, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Run"}}}}}
            post:
              summary: Queue a run of plan, min-budget, sweep, compare or replan.
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/RunRequest"}
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        scenario: {type: string}
                        command: {type: string}
                        options: {type: string, description: the options as JSON text}
                        actuals: {type: string, format: binary, description: a re-plan's actuals file}
                        reorganisation: {type: string, format: binary, description: "a re-plan's reorganisation file (old_commune,old_unit,new_commune,new_unit), applied after the actuals"}
              responses:
                "202": {description: queued, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /api/runs/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              summary: One run, with its progress curve and what the command printed.
              responses:
                "200": {description: the run, content: {application/json: {schema: {$ref: "#/components/schemas/Run"}}}}
                "404": {$ref: "#/components/responses/Error"}
            delete:
              summary: Delete an ended run and its folder.
              responses:
                "200": {description: deleted}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/runs/{id}/events:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              summary: 'text/event-stream: the --progress json objects as progress events, then one done event.'
              responses:
                "200": {description: stream, content: {text/event-stream: {}}}
                "404": {$ref: "#/components/responses/Error"}
          /api/runs/{id}/stop:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            post:
              summary: As SIGINT; the best plan so far is kept (state stopped). A queued run leaves the queue.
              responses:
                "202": {description: stopping}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/runs/{id}/files:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              summary: The paths of the run folder's files.
              responses:
                "200": {description: list, content: {application/json: {schema: {type: array, items: {type: string}}}}}
          /api/runs/{id}/files/{path}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: path, in: path, required: true, schema: {type: string}, description: 'e.g. plan.xlsx, rosters/2024_TC-LLCT.csv'}
            get:
              summary: One file of the run's folder.
              responses:
                "200": {description: the file}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /api/runs/{id}/rosters.zip:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: district, in: query, required: false, schema: {type: string}, description: one district's trainees only}
            get:
              summary: Every roster of the run.
              responses:
                "200": {description: zip, content: {application/zip: {}}}
                "404": {$ref: "#/components/responses/Error"}
          /api/runs/{id}/table/{path}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: path, in: path, required: true, schema: {type: string}, description: a CSV of the run}
              - {name: offset, in: query, schema: {type: integer}}
              - {name: limit, in: query, schema: {type: integer, maximum: 500}}
              - {name: q, in: query, schema: {type: string}, description: text anywhere in the row, case and marks ignored}
              - {name: district, in: query, schema: {type: string}}
            get:
              summary: One page of a CSV of the run.
              responses:
                "200": {description: page, content: {application/json: {schema: {type: object, properties: {columns: {type: array, items: {type: string}}, rows: {type: array, items: {type: array, items: {type: string}}}, total: {type: integer}}}}}}
          /api/audit:
            get:
              summary: The audit trail, newest first.
              parameters: [{name: limit, in: query, schema: {type: integer}}]
              responses:
                "200": {description: entries, content: {application/json: {schema: {type: array, items: {type: object}}}}}
          /api/openapi.yaml:
            get:
              summary: This document.
              responses:
                "200": {description: OpenAPI 3}
        components:
          responses:
            Error:
              description: '{"error": "…"}'
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Problems:
              description: the input does not read; every problem with its file, line and column
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
          schemas:
            Error:
              type: object
              required: [error]
              properties:
                error: {type: string}
                problems: {type: array, items: {$ref: "#/components/schemas/Problem"}}
            Problem:
              type: object
              properties:
                file: {type: string}
                line: {type: integer, nullable: true}
                column: {type: string, nullable: true}
                message: {type: string}
                severity: {type: string, enum: [error, warning]}
            Health:
              type: object
              properties: {status: {type: string}, version: {type: string}, solver: {type: string}}
            ScenarioEntry:
              type: object
              properties:
                name: {type: string}
                officials: {type: integer, nullable: true}
                base_year: {type: integer, nullable: true}
                horizon: {type: integer, nullable: true}
                problems: {type: integer, description: the number of errors (the list is in GET /api/scenarios/{name})}
                warnings: {type: integer}
                extends: {type: string, nullable: true}
            Scenario:
              type: object
              properties:
                name: {type: string}
                base_year: {type: integer}
                horizon: {type: integer}
                officials: {type: integer}
                budget: {type: object, additionalProperties: {type: number}}
                courses: {type: array, items: {type: object}}
                targets: {type: array, items: {type: object}}
                problems: {type: array, items: {$ref: "#/components/schemas/Problem"}}
            RunRequest:
              type: object
              required: [scenario, command]
              properties:
                scenario: {type: string}
                command: {type: string, enum: [plan, min-budget, sweep, compare, replan]}
                options:
                  type: object
                  properties:
                    time_limit: {type: number}
                    gap: {type: number}
                    lang: {type: string, enum: [vi, en]}
                    include_strive: {type: boolean, description: min-budget}
                    from: {type: number, description: 'sweep: first factor; replan: first year re-planned'}
                    to: {type: number, description: sweep}
                    step: {type: number, description: sweep}
                    scenarios: {type: array, items: {type: string}, description: compare: the other scenarios}
                    previous: {type: string, description: 'replan: the id of the run whose plan to keep'}
                    warm_start: {description: 'plan: the id of a run to start from, or false to start cold; by default the latest plan of the same province (this scenario, the one it extends, or another variant)'}
            Run:
              type: object
              properties:
                id: {type: string}
                scenario: {type: string}
                command: {type: string}
                user: {type: string, nullable: true}
                state: {type: string, enum: [queued, running, done, stopped, failed, interrupted]}
                exit_code: {type: integer, nullable: true}
                progress: {type: object, nullable: true}
                summary: {type: object, nullable: true}
                queue_position: {type: integer}
                message: {type: string}
        """#
}
