"""Calendar and pricing: a listing's nights, who holds them, and the terms they are booked under."""
