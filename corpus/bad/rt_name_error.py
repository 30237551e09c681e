print("about to use an undefined name")
print(undefined_thing)
