module event-contracts.test/bindings

go 1.24

require (
	contracts.activity-builder.dev/events v0.0.0
	hostile.example.com/events v0.0.0
	versions.example.com/events/v2 v2.0.0
)

// The generated modules are tested where they are generated.
replace contracts.activity-builder.dev/events => ../../out/go

replace hostile.example.com/events => ../fixtures/hostile/out/go

replace versions.example.com/events/v2 => ../fixtures/versions/out/go
