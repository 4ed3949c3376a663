def read(name):
    # read /data/NAME
