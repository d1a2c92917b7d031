module event-contracts.test/bindings

go 1.24

require (
	contracts.activity-builder.dev/events v0.0.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2
	hostile.example.com/events v0.0.0
	orders.example.com/events v0.0.0
	versions.example.com/events/v2 v2.0.0
)

require golang.org/x/text v0.14.0 // indirect

// The generated modules are tested where they are generated.
replace contracts.activity-builder.dev/events => ../fixtures/activity/out/go

replace hostile.example.com/events => ../fixtures/hostile/out/go

replace orders.example.com/events => ../fixtures/orders/generated/go

replace versions.example.com/events/v2 => ../fixtures/versions/out/go
