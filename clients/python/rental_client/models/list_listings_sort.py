from typing import Literal

ListListingsSort = Literal['-price', 'distance', 'newest', 'price', 'rating']

LIST_LISTINGS_SORT_VALUES: set[ListListingsSort] = { '-price', 'distance', 'newest', 'price', 'rating',  }

def check_list_listings_sort(value: str) -> ListListingsSort:
    if value in LIST_LISTINGS_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_LISTINGS_SORT_VALUES!r}")
