module event-contracts.test/bindings

go 1.24.0

require (
	contracts.activity-builder.dev/events v1.0.0
	contracts.activity-builder.dev/events/franz v0.0.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2
	hostile.example.com/events v0.0.1
	hostile.example.com/events/franz v0.0.0
	orders.example.com/events v0.1.0
	orders.example.com/events/franz v0.0.0
	versions.example.com/events/franz/v2 v2.0.0
	versions.example.com/events/v2 v2.0.0
)

require (
	github.com/klauspost/compress v1.18.4 // indirect
	github.com/pierrec/lz4/v4 v4.1.25 // indirect
	github.com/twmb/franz-go v1.20.7 // indirect
	github.com/twmb/franz-go/pkg/kmsg v1.12.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)

// The generated modules are tested where they are generated.
replace contracts.activity-builder.dev/events => ../fixtures/activity/out/go

replace contracts.activity-builder.dev/events/franz => ../fixtures/activity/out/go/franz

replace hostile.example.com/events/franz => ../fixtures/hostile/out/go/franz

replace orders.example.com/events/franz => ../fixtures/orders/generated/go/franz

replace versions.example.com/events/franz/v2 => ../fixtures/versions/out/go/franz

replace hostile.example.com/events => ../fixtures/hostile/out/go

replace orders.example.com/events => ../fixtures/orders/generated/go

replace versions.example.com/events/v2 => ../fixtures/versions/out/go
