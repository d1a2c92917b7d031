package main

import (
	events "contracts.activity-builder.dev/events"
	hostile "hostile.example.com/events"
	orders "orders.example.com/events"
	versions "versions.example.com/events/v2"
)

// packages binds the generated packages the differential test runs, by the names it gives them.
var packages = map[string]bindings{
	"canonical": {events.Validate, events.ValidateTolerant, func(data []byte) (any, error) { return events.Decode(data) }},
	"hostile":   {hostile.Validate, hostile.ValidateTolerant, func(data []byte) (any, error) { return hostile.Decode(data) }},
	"orders":    {orders.Validate, orders.ValidateTolerant, func(data []byte) (any, error) { return orders.Decode(data) }},
	"versions":  {versions.Validate, versions.ValidateTolerant, func(data []byte) (any, error) { return versions.Decode(data) }},
}
