package kafka

import (
	_ "contracts.activity-builder.dev/events/franz"
	_ "hostile.example.com/events/franz"
	_ "orders.example.com/events/franz"
	_ "versions.example.com/events/franz/v2"
)
