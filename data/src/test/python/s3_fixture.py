#!/usr/bin/env python3
"""Fills a loopback S3-compatible server (moto's server mode) for the s3:// tests, with boto3 (which
moto ships with): creates a bucket, optionally public (a bucket policy allowing anyone
s3:GetObject and s3:ListBucket, as IDR's public buckets do), and uploads files.

usage: s3_fixture.py ENDPOINT BUCKET [--public] [--upload DIR PREFIX] [--put KEY TEXT]... [--many PREFIX N]
(--many: N small objects PREFIX00000, PREFIX00001, ..., each holding its own index)
"""
import json
import os
import sys

import boto3


def main():
    endpoint, bucket = sys.argv[1], sys.argv[2]
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="test", aws_secret_access_key="test")
    s3.create_bucket(Bucket=bucket)
    args = sys.argv[3:]
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--public":
            policy = {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:ListBucket"],
                "Resource": ["arn:aws:s3:::%s" % bucket, "arn:aws:s3:::%s/*" % bucket]}]}
            s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
            i += 1
        elif a == "--upload":
            root, prefix = args[i + 1], args[i + 2]
            for d, _, files in os.walk(root):
                for f in files:
                    path = os.path.join(d, f)
                    key = prefix + os.path.relpath(path, root).replace(os.sep, "/")
                    with open(path, "rb") as fh:
                        s3.put_object(Bucket=bucket, Key=key, Body=fh.read())
            i += 3
        elif a == "--put":
            s3.put_object(Bucket=bucket, Key=args[i + 1], Body=args[i + 2].encode("utf-8"))
            i += 3
        elif a == "--many":
            prefix, n = args[i + 1], int(args[i + 2])
            for k in range(n):
                s3.put_object(Bucket=bucket, Key="%s%05d" % (prefix, k), Body=str(k).encode("utf-8"))
            i += 3
        else:
            sys.exit("unknown argument " + a)


if __name__ == "__main__":
    main()
